# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'shift_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QGridLayout, QHBoxLayout, QLabel,
    QLineEdit, QSizePolicy, QWidget)
class Ui_ShiftDialog(object):
    def setupUi(self, ShiftDialog):
        if not ShiftDialog.objectName():
            ShiftDialog.setObjectName(u"ShiftDialog")
        ShiftDialog.resize(460, 300)
        self.grid = QGridLayout(ShiftDialog)
        self.grid.setObjectName(u"grid")
        self.shift_title = QLabel(ShiftDialog)
        self.shift_title.setObjectName(u"shift_title")
        self.shift_title.setStyleSheet(u"font-weight: bold;")

        self.grid.addWidget(self.shift_title, 0, 0, 1, 2)

        self.officer_label = QLabel(ShiftDialog)
        self.officer_label.setObjectName(u"officer_label")
        self.officer_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.officer_label, 1, 0, 1, 1)

        self.officer_row = QHBoxLayout()
        self.officer_row.setObjectName(u"officer_row")
        self.officer_name = QComboBox(ShiftDialog)
        self.officer_name.setObjectName(u"officer_name")
        self.officer_name.setEditable(True)
        self.officer_name.setInsertPolicy(QComboBox.NoInsert)

        self.officer_row.addWidget(self.officer_name)

        self.officer_phone = QLineEdit(ShiftDialog)
        self.officer_phone.setObjectName(u"officer_phone")

        self.officer_row.addWidget(self.officer_phone)


        self.grid.addLayout(self.officer_row, 1, 1, 1, 1)

        self.officer_error = QLabel(ShiftDialog)
        self.officer_error.setObjectName(u"officer_error")
        self.officer_error.setStyleSheet(u"color: #c62828;")
        self.officer_error.setWordWrap(True)

        self.grid.addWidget(self.officer_error, 2, 1, 1, 1)

        self.leader_label = QLabel(ShiftDialog)
        self.leader_label.setObjectName(u"leader_label")
        self.leader_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.leader_label, 3, 0, 1, 1)

        self.leader_row = QHBoxLayout()
        self.leader_row.setObjectName(u"leader_row")
        self.leader_name = QComboBox(ShiftDialog)
        self.leader_name.setObjectName(u"leader_name")
        self.leader_name.setEditable(True)
        self.leader_name.setInsertPolicy(QComboBox.NoInsert)

        self.leader_row.addWidget(self.leader_name)

        self.leader_phone = QLineEdit(ShiftDialog)
        self.leader_phone.setObjectName(u"leader_phone")

        self.leader_row.addWidget(self.leader_phone)


        self.grid.addLayout(self.leader_row, 3, 1, 1, 1)

        self.leader_error = QLabel(ShiftDialog)
        self.leader_error.setObjectName(u"leader_error")
        self.leader_error.setStyleSheet(u"color: #c62828;")
        self.leader_error.setWordWrap(True)

        self.grid.addWidget(self.leader_error, 4, 1, 1, 1)

        self.standby_label = QLabel(ShiftDialog)
        self.standby_label.setObjectName(u"standby_label")
        self.standby_label.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.standby_label, 5, 0, 1, 1)

        self.standby_row = QHBoxLayout()
        self.standby_row.setObjectName(u"standby_row")
        self.standby_name = QComboBox(ShiftDialog)
        self.standby_name.setObjectName(u"standby_name")
        self.standby_name.setEditable(True)
        self.standby_name.setInsertPolicy(QComboBox.NoInsert)

        self.standby_row.addWidget(self.standby_name)

        self.standby_phone = QLineEdit(ShiftDialog)
        self.standby_phone.setObjectName(u"standby_phone")

        self.standby_row.addWidget(self.standby_phone)


        self.grid.addLayout(self.standby_row, 5, 1, 1, 1)

        self.standby_error = QLabel(ShiftDialog)
        self.standby_error.setObjectName(u"standby_error")
        self.standby_error.setStyleSheet(u"color: #c62828;")
        self.standby_error.setWordWrap(True)

        self.grid.addWidget(self.standby_error, 6, 1, 1, 1)

        self.button_box = QDialogButtonBox(ShiftDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Save|QDialogButtonBox.Cancel)

        self.grid.addWidget(self.button_box, 7, 0, 1, 2)

        QWidget.setTabOrder(self.officer_name, self.officer_phone)
        QWidget.setTabOrder(self.officer_phone, self.leader_name)
        QWidget.setTabOrder(self.leader_name, self.leader_phone)
        QWidget.setTabOrder(self.leader_phone, self.standby_name)
        QWidget.setTabOrder(self.standby_name, self.standby_phone)
        QWidget.setTabOrder(self.standby_phone, self.button_box)

        self.retranslateUi(ShiftDialog)

        QMetaObject.connectSlotsByName(ShiftDialog)
    # setupUi

    def retranslateUi(self, ShiftDialog):
        ShiftDialog.setWindowTitle(QCoreApplication.translate("ShiftDialog", u"\u7f16\u8f91\u73ed\u6b21", None))
        self.officer_label.setText(QCoreApplication.translate("ShiftDialog", u"\u503c\u73ed\u5458", None))
        self.officer_phone.setPlaceholderText(QCoreApplication.translate("ShiftDialog", u"\u7535\u8bdd", None))
        self.leader_label.setText(QCoreApplication.translate("ShiftDialog", u"\u5e26\u73ed\u9886\u5bfc", None))
        self.leader_phone.setPlaceholderText(QCoreApplication.translate("ShiftDialog", u"\u7535\u8bdd", None))
        self.standby_label.setText(QCoreApplication.translate("ShiftDialog", u"\u5019\u73ed\u4eba\u5458", None))
        self.standby_phone.setPlaceholderText(QCoreApplication.translate("ShiftDialog", u"\u7535\u8bdd", None))
    # retranslateUi

