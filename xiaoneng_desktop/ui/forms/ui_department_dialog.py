# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'department_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_DepartmentDialog(object):
    def setupUi(self, DepartmentDialog):
        if not DepartmentDialog.objectName():
            DepartmentDialog.setObjectName(u"DepartmentDialog")
        DepartmentDialog.resize(340, 150)
        self.main_layout = QVBoxLayout(DepartmentDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.name_label = QLabel(DepartmentDialog)
        self.name_label.setObjectName(u"name_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(DepartmentDialog)
        self.name_edit.setObjectName(u"name_edit")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.name_error = QLabel(DepartmentDialog)
        self.name_error.setObjectName(u"name_error")
        self.name_error.setStyleSheet(u"color: #c00000;")
        self.name_error.setWordWrap(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.name_error)

        self.sort_order_label = QLabel(DepartmentDialog)
        self.sort_order_label.setObjectName(u"sort_order_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.sort_order_label)

        self.sort_order_spin = QSpinBox(DepartmentDialog)
        self.sort_order_spin.setObjectName(u"sort_order_spin")
        self.sort_order_spin.setMaximum(999)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.sort_order_spin)

        self.sort_order_error = QLabel(DepartmentDialog)
        self.sort_order_error.setObjectName(u"sort_order_error")
        self.sort_order_error.setStyleSheet(u"color: #c00000;")
        self.sort_order_error.setWordWrap(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sort_order_error)


        self.main_layout.addLayout(self.form_layout)

        self.form_error = QLabel(DepartmentDialog)
        self.form_error.setObjectName(u"form_error")
        self.form_error.setStyleSheet(u"color: #c00000;")
        self.form_error.setWordWrap(True)

        self.main_layout.addWidget(self.form_error)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(DepartmentDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setOrientation(Qt.Orientation.Horizontal)
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.sort_order_label.setBuddy(self.sort_order_spin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name_edit, self.sort_order_spin)

        self.retranslateUi(DepartmentDialog)

        QMetaObject.connectSlotsByName(DepartmentDialog)
    # setupUi

    def retranslateUi(self, DepartmentDialog):
        DepartmentDialog.setWindowTitle(QCoreApplication.translate("DepartmentDialog", u"\u90e8\u95e8", None))
        self.name_label.setText(QCoreApplication.translate("DepartmentDialog", u"\u90e8\u95e8\u540d\u79f0 *", None))
        self.name_edit.setPlaceholderText(QCoreApplication.translate("DepartmentDialog", u"\u4f8b\u5982 \u7efc\u5408\u80a1", None))
        self.sort_order_label.setText(QCoreApplication.translate("DepartmentDialog", u"\u6392\u5e8f", None))
#if QT_CONFIG(tooltip)
        self.sort_order_spin.setToolTip(QCoreApplication.translate("DepartmentDialog", u"\u6570\u5b57\u5c0f\u7684\u90e8\u95e8\u6392\u5728\u524d\u9762\uff0c\u4eba\u5458\u540d\u5355\u548c\u9009\u4eba\u5217\u8868\u90fd\u6309\u6b64\u987a\u5e8f", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

