# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'person_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_PersonDialog(object):
    def setupUi(self, PersonDialog):
        if not PersonDialog.objectName():
            PersonDialog.setObjectName(u"PersonDialog")
        PersonDialog.resize(400, 320)
        PersonDialog.setMinimumSize(QSize(360, 0))
        self.main_layout = QVBoxLayout(PersonDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.name_label = QLabel(PersonDialog)
        self.name_label.setObjectName(u"name_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(PersonDialog)
        self.name_edit.setObjectName(u"name_edit")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.name_error = QLabel(PersonDialog)
        self.name_error.setObjectName(u"name_error")
        self.name_error.setStyleSheet(u"color: #c00000;")
        self.name_error.setWordWrap(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.name_error)

        self.department_label = QLabel(PersonDialog)
        self.department_label.setObjectName(u"department_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.department_label)

        self.department_combo = QComboBox(PersonDialog)
        self.department_combo.setObjectName(u"department_combo")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.department_combo)

        self.department_error = QLabel(PersonDialog)
        self.department_error.setObjectName(u"department_error")
        self.department_error.setStyleSheet(u"color: #c00000;")
        self.department_error.setWordWrap(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.department_error)

        self.post_label = QLabel(PersonDialog)
        self.post_label.setObjectName(u"post_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.post_label)

        self.post_edit = QLineEdit(PersonDialog)
        self.post_edit.setObjectName(u"post_edit")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.post_edit)

        self.post_error = QLabel(PersonDialog)
        self.post_error.setObjectName(u"post_error")
        self.post_error.setStyleSheet(u"color: #c00000;")
        self.post_error.setWordWrap(True)

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.post_error)

        self.mobile_label = QLabel(PersonDialog)
        self.mobile_label.setObjectName(u"mobile_label")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.mobile_label)

        self.mobile_edit = QLineEdit(PersonDialog)
        self.mobile_edit.setObjectName(u"mobile_edit")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.mobile_edit)

        self.mobile_error = QLabel(PersonDialog)
        self.mobile_error.setObjectName(u"mobile_error")
        self.mobile_error.setStyleSheet(u"color: #c00000;")
        self.mobile_error.setWordWrap(True)

        self.form_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.mobile_error)

        self.office_phone_label = QLabel(PersonDialog)
        self.office_phone_label.setObjectName(u"office_phone_label")

        self.form_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.office_phone_label)

        self.office_phone_edit = QLineEdit(PersonDialog)
        self.office_phone_edit.setObjectName(u"office_phone_edit")

        self.form_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.office_phone_edit)

        self.office_phone_error = QLabel(PersonDialog)
        self.office_phone_error.setObjectName(u"office_phone_error")
        self.office_phone_error.setStyleSheet(u"color: #c00000;")
        self.office_phone_error.setWordWrap(True)

        self.form_layout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.office_phone_error)

        self.active_check = QCheckBox(PersonDialog)
        self.active_check.setObjectName(u"active_check")
        self.active_check.setChecked(True)

        self.form_layout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.active_check)

        self.note_label = QLabel(PersonDialog)
        self.note_label.setObjectName(u"note_label")

        self.form_layout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note_edit = QLineEdit(PersonDialog)
        self.note_edit.setObjectName(u"note_edit")

        self.form_layout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.note_edit)

        self.note_error = QLabel(PersonDialog)
        self.note_error.setObjectName(u"note_error")
        self.note_error.setStyleSheet(u"color: #c00000;")
        self.note_error.setWordWrap(True)

        self.form_layout.setWidget(12, QFormLayout.ItemRole.FieldRole, self.note_error)


        self.main_layout.addLayout(self.form_layout)

        self.form_error = QLabel(PersonDialog)
        self.form_error.setObjectName(u"form_error")
        self.form_error.setStyleSheet(u"color: #c00000;")
        self.form_error.setWordWrap(True)

        self.main_layout.addWidget(self.form_error)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(PersonDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setOrientation(Qt.Orientation.Horizontal)
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.department_label.setBuddy(self.department_combo)
        self.post_label.setBuddy(self.post_edit)
        self.mobile_label.setBuddy(self.mobile_edit)
        self.office_phone_label.setBuddy(self.office_phone_edit)
        self.note_label.setBuddy(self.note_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name_edit, self.department_combo)
        QWidget.setTabOrder(self.department_combo, self.post_edit)
        QWidget.setTabOrder(self.post_edit, self.mobile_edit)
        QWidget.setTabOrder(self.mobile_edit, self.office_phone_edit)
        QWidget.setTabOrder(self.office_phone_edit, self.active_check)
        QWidget.setTabOrder(self.active_check, self.note_edit)

        self.retranslateUi(PersonDialog)

        QMetaObject.connectSlotsByName(PersonDialog)
    # setupUi

    def retranslateUi(self, PersonDialog):
        PersonDialog.setWindowTitle(QCoreApplication.translate("PersonDialog", u"\u4eba\u5458\u4fe1\u606f", None))
        self.name_label.setText(QCoreApplication.translate("PersonDialog", u"\u59d3\u540d *", None))
        self.name_edit.setPlaceholderText(QCoreApplication.translate("PersonDialog", u"\u5fc5\u586b\uff0c\u6700\u591a 30 \u4e2a\u5b57", None))
        self.department_label.setText(QCoreApplication.translate("PersonDialog", u"\u90e8\u95e8", None))
        self.post_label.setText(QCoreApplication.translate("PersonDialog", u"\u804c\u52a1", None))
        self.post_edit.setPlaceholderText(QCoreApplication.translate("PersonDialog", u"\u4f8b\u5982 \u526f\u4e3b\u4efb\u3001\u79d1\u5458", None))
        self.mobile_label.setText(QCoreApplication.translate("PersonDialog", u"\u624b\u673a", None))
        self.mobile_edit.setPlaceholderText(QCoreApplication.translate("PersonDialog", u"\u4f8b\u5982 13812345678", None))
        self.office_phone_label.setText(QCoreApplication.translate("PersonDialog", u"\u529e\u516c\u7535\u8bdd", None))
        self.office_phone_edit.setPlaceholderText(QCoreApplication.translate("PersonDialog", u"\u4f8b\u5982 0731-12345678", None))
#if QT_CONFIG(tooltip)
        self.active_check.setToolTip(QCoreApplication.translate("PersonDialog", u"\u8c03\u79bb\u3001\u9000\u4f11\u7684\u4eba\u5458\u53d6\u6d88\u52fe\u9009\uff08\u505c\u7528\uff09\uff0c\u5386\u53f2\u8bb0\u5f55\u4e2d\u7684\u59d3\u540d\u4ecd\u4fdd\u7559", None))
#endif // QT_CONFIG(tooltip)
        self.active_check.setText(QCoreApplication.translate("PersonDialog", u"\u5728\u5c97", None))
        self.note_label.setText(QCoreApplication.translate("PersonDialog", u"\u5907\u6ce8", None))
        self.note_edit.setPlaceholderText(QCoreApplication.translate("PersonDialog", u"\u6700\u591a 200 \u4e2a\u5b57", None))
    # retranslateUi

