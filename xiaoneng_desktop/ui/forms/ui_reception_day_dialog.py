# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reception_day_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QGridLayout, QLabel,
    QLineEdit, QSizePolicy, QWidget)
class Ui_ReceptionDayDialog(object):
    def setupUi(self, ReceptionDayDialog):
        if not ReceptionDayDialog.objectName():
            ReceptionDayDialog.setObjectName(u"ReceptionDayDialog")
        ReceptionDayDialog.resize(420, 240)
        self.grid = QGridLayout(ReceptionDayDialog)
        self.grid.setObjectName(u"grid")
        self.label_0 = QLabel(ReceptionDayDialog)
        self.label_0.setObjectName(u"label_0")
        self.label_0.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.label_0, 0, 0, 1, 1)

        self.day = QDateEdit(ReceptionDayDialog)
        self.day.setObjectName(u"day")
        self.day.setCalendarPopup(True)

        self.grid.addWidget(self.day, 0, 1, 1, 1)

        self.day_error = QLabel(ReceptionDayDialog)
        self.day_error.setObjectName(u"day_error")
        self.day_error.setStyleSheet(u"color: #c62828;")
        self.day_error.setWordWrap(True)

        self.grid.addWidget(self.day_error, 1, 1, 1, 1)

        self.label_1 = QLabel(ReceptionDayDialog)
        self.label_1.setObjectName(u"label_1")
        self.label_1.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.label_1, 2, 0, 1, 1)

        self.leader_name = QComboBox(ReceptionDayDialog)
        self.leader_name.setObjectName(u"leader_name")
        self.leader_name.setEditable(True)

        self.grid.addWidget(self.leader_name, 2, 1, 1, 1)

        self.leader_name_error = QLabel(ReceptionDayDialog)
        self.leader_name_error.setObjectName(u"leader_name_error")
        self.leader_name_error.setStyleSheet(u"color: #c62828;")
        self.leader_name_error.setWordWrap(True)

        self.grid.addWidget(self.leader_name_error, 3, 1, 1, 1)

        self.label_2 = QLabel(ReceptionDayDialog)
        self.label_2.setObjectName(u"label_2")
        self.label_2.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.label_2, 4, 0, 1, 1)

        self.place = QLineEdit(ReceptionDayDialog)
        self.place.setObjectName(u"place")

        self.grid.addWidget(self.place, 4, 1, 1, 1)

        self.place_error = QLabel(ReceptionDayDialog)
        self.place_error.setObjectName(u"place_error")
        self.place_error.setStyleSheet(u"color: #c62828;")
        self.place_error.setWordWrap(True)

        self.grid.addWidget(self.place_error, 5, 1, 1, 1)

        self.label_3 = QLabel(ReceptionDayDialog)
        self.label_3.setObjectName(u"label_3")
        self.label_3.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.grid.addWidget(self.label_3, 6, 0, 1, 1)

        self.note = QLineEdit(ReceptionDayDialog)
        self.note.setObjectName(u"note")

        self.grid.addWidget(self.note, 6, 1, 1, 1)

        self.note_error = QLabel(ReceptionDayDialog)
        self.note_error.setObjectName(u"note_error")
        self.note_error.setStyleSheet(u"color: #c62828;")
        self.note_error.setWordWrap(True)

        self.grid.addWidget(self.note_error, 7, 1, 1, 1)

        self.button_box = QDialogButtonBox(ReceptionDayDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Save|QDialogButtonBox.Cancel)

        self.grid.addWidget(self.button_box, 8, 0, 1, 2)

        QWidget.setTabOrder(self.day, self.leader_name)
        QWidget.setTabOrder(self.leader_name, self.place)
        QWidget.setTabOrder(self.place, self.note)
        QWidget.setTabOrder(self.note, self.button_box)

        self.retranslateUi(ReceptionDayDialog)

        QMetaObject.connectSlotsByName(ReceptionDayDialog)
    # setupUi

    def retranslateUi(self, ReceptionDayDialog):
        ReceptionDayDialog.setWindowTitle(QCoreApplication.translate("ReceptionDayDialog", u"\u9886\u5bfc\u63a5\u5f85\u65e5", None))
        self.label_0.setText(QCoreApplication.translate("ReceptionDayDialog", u"\u63a5\u5f85\u65e5\u671f*", None))
        self.day.setDisplayFormat(QCoreApplication.translate("ReceptionDayDialog", u"yyyy-MM-dd", None))
        self.label_1.setText(QCoreApplication.translate("ReceptionDayDialog", u"\u63a5\u5f85\u9886\u5bfc*", None))
        self.label_2.setText(QCoreApplication.translate("ReceptionDayDialog", u"\u63a5\u5f85\u5730\u70b9", None))
        self.label_3.setText(QCoreApplication.translate("ReceptionDayDialog", u"\u5907\u6ce8", None))
    # retranslateUi

